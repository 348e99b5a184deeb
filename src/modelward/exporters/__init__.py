"""Summary exporters, one module per format; each returns text or bytes and never prints."""
