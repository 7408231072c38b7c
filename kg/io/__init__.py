"""Reading reports and writing outputs."""
