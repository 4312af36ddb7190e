"""Machine-readable exports of the model: each a pure function of the data, no clock."""
