//! Run time of lambda-cdk.
