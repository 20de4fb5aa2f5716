"""Reading scanned pages: Tesseract OCR, page kinds, fields, masking of numbers never kept."""
