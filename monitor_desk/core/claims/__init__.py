"""Claims as the library stores them: the model, editing, snapshots for undo, the kind.

(``core/nlp/claims/`` is the extractor that finds claims in a text; this package keeps them.)
"""

from .model import CLAIM_PARTS, CREDIBILITY, ClaimPart, StoredClaim
from .snapshots import ClaimSnapshot

__all__ = ["CLAIM_PARTS", "CREDIBILITY", "ClaimPart", "ClaimSnapshot", "StoredClaim"]
