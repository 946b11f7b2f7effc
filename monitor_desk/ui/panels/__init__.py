"""The library list and the side panel's tabs (Claims, Sources, Notes, Entities), each
with its table model."""
