//! Facts and rules of AWS Lambda.
