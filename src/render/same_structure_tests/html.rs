//! The shape of the HTML output.

use super::{Shape, between, unescape, words};

pub(super) fn html_shape(html: &str) -> Shape {
    let mut s = Shape::default();
    // Open elements, and per open list its next number (None for bullets).
    let mut stack: Vec<String> = Vec::new();
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut text = String::new();
    let mut spans: Vec<(String, String)> = Vec::new();
    let mut table = (0, 0, 0);
    let mut rest = html;
    let leaf_kind = |stack: &[String], lists: &[Option<u64>]| -> String {
        if stack.iter().any(|t| t == "blockquote") {
            return "quote".into();
        }
        match stack
            .iter()
            .rev()
            .find(|t| t.starts_with('h') || *t == "li" || *t == "p")
        {
            Some(t) if t.starts_with('h') && t.len() == 2 => "h".into(),
            _ if stack.iter().rev().any(|t| t == "li") => match lists.last() {
                Some(Some(n)) => format!("li {}.", n - 1),
                _ => "li •".into(),
            },
            _ => "p".into(),
        }
    };
    while let Some(lt) = rest.find('<') {
        text.push_str(&unescape(&rest[..lt]));
        for (_, t) in &mut spans {
            t.push_str(&unescape(&rest[..lt]));
        }
        let gt = rest[lt..].find('>').unwrap() + lt;
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let flush = |text: &mut String, s: &mut Shape, kind: String| {
            let t = words(text);
            if !t.is_empty() && kind != "cell" {
                s.blocks.push(format!("{kind} {t}"));
            }
            text.clear();
        };
        match (name.as_str(), closing) {
            ("em" | "strong" | "del" | "code" | "a", false)
                if !stack.iter().any(|t| t == "pre") =>
            {
                spans.push((name.clone(), String::new()));
            }
            ("em" | "strong" | "del" | "code" | "a", true) if !stack.iter().any(|t| t == "pre") => {
                if let Some(at) = spans.iter().rposition(|(n, _)| *n == name) {
                    let (n, t) = spans.remove(at);
                    s.spans.push(format!("{n} {}", words(&t)));
                }
            }
            ("ul" | "ol", false) => {
                let kind = leaf_kind(&stack, &lists);
                flush(&mut text, &mut s, kind);
                let start = tag
                    .split("start=\"")
                    .nth(1)
                    .and_then(|r| r.split('"').next())
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(1);
                lists.push((name == "ol").then_some(start));
                stack.push(name);
            }
            ("ul" | "ol", true) => {
                lists.pop();
                stack.pop();
            }
            ("li", false) => {
                if let Some(Some(n)) = lists.last_mut() {
                    *n += 1;
                }
                stack.push(name);
            }
            ("p" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6", true) => {
                let kind = leaf_kind(&stack, &lists);
                flush(&mut text, &mut s, kind);
                stack.pop();
            }
            ("p" | "blockquote" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "pre", false) => {
                text.clear();
                stack.push(name);
            }
            ("blockquote", true) => {
                stack.pop();
            }
            ("pre", true) => {
                s.blocks.push(format!("code {}", words(&text)));
                text.clear();
                stack.pop();
            }
            ("table", false) => table = (s.blocks.len(), 0, 0),
            ("tr", false) => table.1 += 1,
            ("th", false) if table.1 == 1 => table.2 += 1,
            ("th" | "td", true) => text.clear(),
            ("table", true) => s
                .blocks
                .insert(table.0, format!("table {}x{}", table.1, table.2)),
            _ => {}
        }
    }
    between(s)
}
