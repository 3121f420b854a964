//! QR codes of invitation links, as SVG (for pages and printing) and PNG (for apps).

use qrcode::{Color, EcLevel, QrCode};

use crate::error::{Error, Result};

/// The modules of a link's QR code (medium error correction), with a 4-module quiet zone.
struct Matrix {
    size: usize,
    dark: Vec<bool>,
}

fn matrix(text: &str) -> Result<Matrix> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| Error::Internal(format!("QR: {e}")))?;
    let width = code.width();
    let size = width + 8;
    let mut dark = vec![false; size * size];
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            let (x, y) = (i % width + 4, i / width + 4);
            dark[y * size + x] = true;
        }
    }
    Ok(Matrix { size, dark })
}

/// An SVG in module units: a white square and one path of unit squares, crisp at any size.
pub fn svg(text: &str, title: &str) -> Result<String> {
    let m = matrix(text)?;
    let mut path = String::with_capacity(m.dark.len() * 4);
    for y in 0..m.size {
        for x in 0..m.size {
            if m.dark[y * m.size + x] {
                path.push_str(&format!("M{x},{y}h1v1h-1z"));
            }
        }
    }
    let title = escape_xml(title);
    Ok(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {s} {s}" width="{px}" height="{px}" shape-rendering="crispEdges" role="img" aria-label="{title}"><title>{title}</title><rect width="{s}" height="{s}" fill="#fff"/><path fill="#000" d="{path}"/></svg>"##,
        s = m.size,
        px = m.size * 8,
    ))
}

fn escape_xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A greyscale PNG, `scale` pixels per module.
pub fn png(text: &str, scale: usize) -> Result<Vec<u8>> {
    let m = matrix(text)?;
    let side = m.size * scale;
    let mut pixels = vec![255u8; side * side];
    for y in 0..side {
        for x in 0..side {
            if m.dark[(y / scale) * m.size + x / scale] {
                pixels[y * side + x] = 0;
            }
        }
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, side as u32, side as u32);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder
            .write_header()
            .map_err(|e| Error::Internal(format!("PNG: {e}")))?;
        writer
            .write_image_data(&pixels)
            .map_err(|e| Error::Internal(format!("PNG: {e}")))?;
    }
    Ok(out)
}
