//! In-crate tests of the expansion functions (proc-macro crates export only macros).

mod errors;
mod fuzz;
mod fuzz_input;
mod fuzz_tokens;
mod modes;
