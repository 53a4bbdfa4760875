//! The error collector of one expansion: every parser and check pushes here and
//! carries on, so the user sees all their mistakes at once; `check` emits them.

use std::cell::RefCell;
use std::fmt::Display;
use std::thread;

use quote::ToTokens;

#[derive(Default)]
pub struct Ctxt {
    // `None` once checked: pushing after that, or dropping unchecked, is a bug in the macro.
    errors: RefCell<Option<Vec<syn::Error>>>,
}

impl Ctxt {
    pub fn new() -> Self {
        Ctxt {
            errors: RefCell::new(Some(Vec::new())),
        }
    }

    /// An error spanning `obj`'s tokens (first to last, so `-1` underlines both).
    pub fn error_spanned_by<A: ToTokens, T: Display>(&self, obj: A, msg: T) {
        self.syn_error(syn::Error::new_spanned(obj.into_token_stream(), msg));
    }

    pub fn error_at<T: Display>(&self, span: proc_macro2::Span, msg: T) {
        self.syn_error(syn::Error::new(span, msg));
    }

    pub fn syn_error(&self, err: syn::Error) {
        if let Some(errors) = self.errors.borrow_mut().as_mut() {
            errors.push(err);
        }
    }

    /// All errors pushed so far, combined into one (`Ok` if there were none).
    pub fn check(self) -> syn::Result<()> {
        let errors = self.errors.borrow_mut().take().unwrap_or_default();
        let mut errors = errors.into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for rest in errors {
            combined.combine(rest);
        }
        Err(combined)
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        // A dropped, unchecked context would lose errors silently; the entry points turn
        // this panic into a "please report" compile error.
        if !thread::panicking() && self.errors.borrow().is_some() {
            panic!("lambda-macros: an error context was dropped without being checked");
        }
    }
}
