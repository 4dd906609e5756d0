"""The body of a news post: the house's body blocks (core.blocks), shared with
the national websites' pages."""

from core.blocks import BodyBlock as BlogBodyBlock
from core.blocks import CaptionedImageBlock, DocumentLinkBlock, QuoteBlock

__all__ = ["BlogBodyBlock", "CaptionedImageBlock", "DocumentLinkBlock", "QuoteBlock"]
