//! Helpers shared by the integration tests.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

pub mod pty;
