"""The page files a file dialog offers (the formats `intake/loader.py` reads).

Its own module so the new-scans bar offers them without importing the document viewer.
"""

from __future__ import annotations

FILE_FILTER = "*.jpg *.jpeg *.png *.tif *.tiff *.pdf"
