//! Baseline for binary size: links the crate but not the typst compiler.
fn main() {
    println!("{}", pdfproto::markup::text("x"));
}
