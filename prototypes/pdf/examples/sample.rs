//! Writes a sample PDF: `cargo run --release --example sample -- OUT.pdf [CASES]`.
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| "sample.pdf".into());
    let cases: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(7);
    let doc = pdfproto::sample::document(cases);
    if let Ok(src) = pdfproto::typst_source(&doc) {
        let _ = std::fs::write(format!("{out}.typ"), src);
    }
    let start = Instant::now();
    match pdfproto::compile(&doc) {
        Ok(pdf) => {
            std::fs::write(&out, &pdf).expect("write");
            eprintln!("{} bytes in {:?}", pdf.len(), start.elapsed());
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}
