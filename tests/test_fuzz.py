"""A short, repeatable run of the fuzz (tests/fuzzing.py); `make fuzz` runs it for ten minutes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzzing import fuzz_content, fuzz_reference

SHORT = settings(max_examples=8, derandomize=True, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


class Describe_fuzzed_inputs:
    @SHORT
    @given(st.data())
    def it_ends_every_mutated_content_file_cleanly(self, data: st.DataObject) -> None:
        fuzz_content(data)

    @SHORT
    @given(st.data())
    def it_ends_every_mutated_reference_package_cleanly(self, data: st.DataObject) -> None:
        fuzz_reference(data)
