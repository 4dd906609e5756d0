"""National CHM websites: a country's space served as a site of its own."""
