//! In-crate tests of the expansion functions (proc-macro crates export only macros).

mod errors;
mod fuzz;
