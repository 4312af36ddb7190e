"""What one data file may cost: size, nesting, alias expansion, merged keys, a value's length.

Data comes from many hands: a hostile or broken file gets a clear error at its line instead of a
hang, a memory blow-up or a crash in the C parser.
"""

MAX_FILE_BYTES = 40 * 1024 * 1024
"""A data file's size limit: 10,000 papers with abstracts take about 17 MB."""
MAX_DEPTH = 64
"""Nesting limit; real data files nest 5 levels deep. Deeper input can crash libyaml."""
MAX_EXPANDED_VALUES = 2_000_000
"""Values the data may hold once aliases (*name) are expanded (the "billion laughs" guard)."""
MAX_MERGED_KEYS = 10_000
"""Keys one mapping may hold after ``<<:`` merges (doubling merges grow exponentially)."""
MAX_VALUE_CHARS = 200_000
"""Length limit of one value: a long abstract is 3,000 characters, a long bio 2,000."""
_UNCHECKED_DEPTH = 1_000
"""Below this bound on the nesting the C parser is safe without counting levels first."""
