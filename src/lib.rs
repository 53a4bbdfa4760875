//! lambda-cdk facade.
