"""`make deploy`, after `sam deploy`: upload the pages (shared/web/) to the stack's bucket.

    python upload-pages.py STACK_NAME [REGION]

The pages' messages (i18n/{locale}.json) are written first by `operator messages`, from the same
catalogue as the emails, and uploaded beside them.

The HTML pages keep their names (CloudFront maps /accept, /admin, /reset, /sign-in and /sign-up to them); the scripts and
the stylesheet go under assets/, where the pages load them from.
"""
import mimetypes
import pathlib
import subprocess
import sys
import tempfile

import boto3

stack = sys.argv[1]
session = boto3.session.Session(region_name=sys.argv[2] if len(sys.argv) > 2 else None)
outputs = session.client("cloudformation").describe_stacks(StackName=stack)["Stacks"][0]["Outputs"]
bucket = next(o["OutputValue"] for o in outputs if o["OutputKey"] == "PagesBucket")
s3 = session.client("s3")
web = pathlib.Path(__file__).resolve().parent.parent / "shared" / "web"
for path in sorted(web.iterdir()):
    if path.name == "outbox.html" or path.name == "outbox.js":
        continue  # the outbox viewer is local only
    key = path.name if path.suffix == ".html" else f"assets/{path.name}"
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    s3.put_object(Bucket=bucket, Key=key, Body=path.read_bytes(),
                  ContentType=f"{kind}; charset=utf-8", CacheControl="no-cache")
    print(f"s3://{bucket}/{key}")

root = pathlib.Path(__file__).resolve().parent.parent
with tempfile.TemporaryDirectory() as out:
    subprocess.run(["cargo", "run", "--quiet", "-p", "operator", "--", "messages", out], check=True, cwd=root,
                   stdout=subprocess.DEVNULL)
    for path in sorted((pathlib.Path(out) / "i18n").iterdir()):
        key = f"i18n/{path.name}"
        s3.put_object(Bucket=bucket, Key=key, Body=path.read_bytes(),
                      ContentType="application/json; charset=utf-8", CacheControl="no-cache")
        print(f"s3://{bucket}/{key}")
