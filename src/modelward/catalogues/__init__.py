"""The catalogues shipped with modelward, found by ``ID@VERSION`` from any folder.

Copies of the repository's ``criteria.yaml`` and ``catalogues/*.yaml``; a test keeps each
copy the same as its original.
"""
