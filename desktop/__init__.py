"""Kaiji Desk (開示デスク): requests for disclosure etc. of retained personal data, on paper."""
