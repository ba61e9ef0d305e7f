//! End-to-end tests of the Discord adapter against the in-repo fake Discord (filled in with the adapter).
