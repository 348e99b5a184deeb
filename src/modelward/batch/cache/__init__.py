"""The cache of scored wards: ``store`` (one SQLite file per tool version and code) and
``codec`` (a row as the cache keeps it). Used by the batch layer only."""
