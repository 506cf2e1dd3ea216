from .category import Category
from .organisation import Organisation
from .venue import Venue

__all__ = ["Category", "Organisation", "Venue"]
