"""Reading and writing other people's files: CSV, XLSX and JSON."""
