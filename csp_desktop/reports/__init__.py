"""PDF board packs, built from plain data a service gathers; never queries the database."""
