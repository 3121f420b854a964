use serde_json::json;

use crate::helpers::{PASSWORD, Tenant, TestApp};

async fn link(app: &TestApp, tenant: &Tenant, user: &str, format: &str) -> reqwest::Response {
    app.client
        .post(format!(
            "{}/v1/tenants/{}/users/{user}/invitation-link",
            app.base, tenant.id
        ))
        .bearer_auth(&tenant.token)
        .json(&json!({"format": format}))
        .send()
        .await
        .unwrap()
}

/// Reads a QR code from greyscale pixels.
fn decode(width: usize, height: usize, pixel: impl Fn(usize, usize) -> u8) -> String {
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(width, height, pixel);
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().expect("a readable QR code").1
}

fn decode_png(bytes: &[u8]) -> String {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes.to_vec()));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    assert_eq!(info.color_type, png::ColorType::Grayscale);
    let w = info.width as usize;
    decode(w, info.height as usize, |x, y| buf[y * w + x])
}

/// Draws the SVG's unit squares (`M{x},{y}h1v1h-1z`) and reads the code.
fn decode_svg(svg: &str) -> String {
    let view = svg
        .split("viewBox=\"0 0 ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap();
    let size: usize = view.parse().unwrap();
    let d = svg
        .split(" d=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let mut dark = vec![false; size * size];
    for square in d.split('M').filter(|s| !s.is_empty()) {
        let xy = square.split('h').next().unwrap();
        let (x, y) = xy.split_once(',').unwrap();
        dark[y.parse::<usize>().unwrap() * size + x.parse::<usize>().unwrap()] = true;
    }
    let scale = 4;
    decode(size * scale, size * scale, |x, y| {
        if dark[(y / scale) * size + x / scale] {
            0
        } else {
            255
        }
    })
}

#[tokio::test]
async fn a_copied_link_a_qr_code_in_svg_and_png_and_a_printed_sheet_all_carry_a_working_invitation()
{
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Papel").await;
    let member = app.invite_ok(&tenant, "paper@example.com", "user").await;
    let user = member["id"].as_str().unwrap();

    let r = TestApp::reply(link(&app, &tenant, user, "url").await).await;
    let body = r.ok(200).clone();
    let url = body["url"].as_str().unwrap().to_string();
    assert!(url.starts_with(&format!("{}/accept#token=", app.base)));
    assert_eq!(
        body["expires_at"], member["invite_expires_at"],
        "the same invitation, not a longer one"
    );
    let token = url.split("#token=").nth(1).unwrap();
    assert_eq!(
        app.preview(token).await.ok(200)["tenant_name"],
        "Hotel Papel"
    );

    let svg = link(&app, &tenant, user, "qr_svg").await;
    assert_eq!(svg.headers()["content-type"], "image/svg+xml");
    let svg_url = decode_svg(&svg.text().await.unwrap());
    let png = link(&app, &tenant, user, "qr_png").await;
    assert_eq!(png.headers()["content-type"], "image/png");
    let png_url = decode_png(&png.bytes().await.unwrap());
    for decoded in [&svg_url, &png_url] {
        assert!(
            decoded.starts_with(&format!("{}/accept#token=", app.base)),
            "{decoded}"
        );
        app.preview(decoded.split("#token=").nth(1).unwrap())
            .await
            .ok(200);
    }

    let page = link(&app, &tenant, user, "print").await;
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert_eq!(page.headers()["referrer-policy"], "no-referrer");
    assert!(
        page.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("default-src 'none'")
    );
    let html = page.text().await.unwrap();
    assert!(html.contains("Welcome to Hotel Papel"));
    assert!(html.contains("@page"), "laid out for printing");
    let printed_url = decode_svg(&html[html.find("<svg").unwrap()..]);
    app.preview(printed_url.split("#token=").nth(1).unwrap())
        .await
        .ok(200);

    // Each is a link of the one invitation: accepting through one uses them all.
    app.accept(token, PASSWORD).await.ok(200);
    app.preview(png_url.split("#token=").nth(1).unwrap())
        .await
        .problem(409, "invitation_used");
    TestApp::reply(link(&app, &tenant, user, "url").await)
        .await
        .problem(409, "not_pending");
}

#[tokio::test]
async fn a_reinvite_kills_copied_links_and_a_scheduled_invitation_has_none_yet() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Copia").await;
    let member = app.invite_ok(&tenant, "copy@example.com", "user").await;
    let user = member["id"].as_str().unwrap();
    let r = TestApp::reply(link(&app, &tenant, user, "url").await).await;
    let copied = r.ok(200)["url"].as_str().unwrap().to_string();
    app.action(&tenant, &tenant.token, user, "reinvite")
        .await
        .ok(200);
    app.preview(copied.split("#token=").nth(1).unwrap())
        .await
        .problem(404, "invitation_invalid");

    let send_at = (chrono::Utc::now() + chrono::Duration::days(2))
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string();
    let later = app
        .invite(
            &tenant,
            &tenant.token,
            json!({"email": "later@example.com", "send_at": send_at}),
        )
        .await;
    let later_id = later.ok(201)["id"].as_str().unwrap().to_string();
    TestApp::reply(link(&app, &tenant, &later_id, "qr_png").await)
        .await
        .problem(409, "not_pending");
    TestApp::reply(link(&app, &tenant, user, "gif").await)
        .await
        .problem(400, "validation_failed");
}
