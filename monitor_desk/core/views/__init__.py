"""Views over the whole library: claims by speaker, outlet, tag, date and words
(``claim_views.py``, ``lib.claim_views``) and speakers with their profiles (``speakers.py``,
``lib.speakers``). Read-only aggregates computed in SQL over indexes (schema step
``0012_claim_views``), paged with an exact count."""
