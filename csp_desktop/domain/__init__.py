"""Pure rules of the register: scoring, dataclasses, dates and derived facts. No Qt, no SQL."""
