"""Response letters a company can mail: reportlab PDFs from texts kept in resources/letters."""
