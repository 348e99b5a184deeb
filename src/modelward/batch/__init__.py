"""Many wards at once, for ``summary`` and ``export``: the only layer with speed tricks.

``discovery`` (the ward files under some paths), ``summariser`` (one file to its row,
from the cache or in full), ``pool`` (many files over worker processes, the collector
paused), ``ranking`` (rows ranked into a Summary), ``rows`` (what a file comes to),
``breakdown`` (pure: areas against the target, per-criterion counts), ``summarise``
(all of them together), ``cache/`` (the store and the row codec: used by
this layer only).
"""
