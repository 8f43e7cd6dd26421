use std::fmt;
// ANCHOR: body
pub fn add(a: i32, b: i32) -> i32 {
    a + b
}
// ANCHOR_END: body
fn unused() {}
