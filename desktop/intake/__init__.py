"""Getting pages into Kaiji Desk: image and PDF files, a scanner's folder, SANE, cover sheets."""
