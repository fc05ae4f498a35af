from .groups import Lerngruppe, Membership
from .h5p import H5PContent, H5PLibrary
from .progress import Lernpass, Statement

__all__ = ["H5PContent", "H5PLibrary", "Lerngruppe", "Lernpass", "Membership", "Statement"]
