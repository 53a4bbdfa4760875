//! The macros never panic at the user: a panic (a bug in this crate) becomes a
//! compile error asking for a report, and the user's item is kept as it was so the
//! rest of their crate still resolves.

use std::panic::{self, AssertUnwindSafe};

use proc_macro2::TokenStream;
use quote::quote;

pub fn catch(fallback: TokenStream, expand: impl FnOnce() -> TokenStream) -> TokenStream {
    match panic::catch_unwind(AssertUnwindSafe(expand)) {
        Ok(tokens) => tokens,
        Err(payload) => {
            let detail = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let message = format!(
                "lambda-macros panicked (a bug in lambda-cdk, please report it with this input): {detail}"
            );
            quote!(::core::compile_error!(#message); #fallback)
        }
    }
}
