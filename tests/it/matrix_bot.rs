//! End-to-end tests of the Matrix adapter against a real Synapse (filled in with the adapter).
