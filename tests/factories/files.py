"""File contents for upload tests: small valid files of every allowed kind,
and files the upload checks must refuse."""

import io
import zipfile

from toolkits.demo import odt_bytes, pdf_bytes

PDF = pdf_bytes("Guide", ["A line"])
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
    b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
    b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + (
    b"\x00" * 64
)
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00"
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00" + b"\x00" * 24
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'
    b"<script>alert(1)</script></svg>"
)


def zip_bytes(entries: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def ooxml(folder: str) -> bytes:
    return zip_bytes(
        {"[Content_Types].xml": "<Types/>", f"{folder}/document.xml": "<doc/>"}
    )


def odf(mime: str) -> bytes:
    return zip_bytes({"mimetype": mime, "content.xml": "<office:document/>"})


ALLOWED_FILES = {
    "guide.pdf": PDF,
    "guide.docx": ooxml("word"),
    "sheet.xlsx": ooxml("xl"),
    "slides.pptx": ooxml("ppt"),
    "old.doc": OLE2,
    "old.xls": OLE2,
    "old.ppt": OLE2,
    "text.odt": odt_bytes("Guide", ["Text"]),
    "sheet.ods": odf("application/vnd.oasis.opendocument.spreadsheet"),
    "slides.odp": odf("application/vnd.oasis.opendocument.presentation"),
    "logo.png": PNG,
    "photo.jpg": JPEG,
    "photo.jpeg": JPEG,
    "anim.gif": GIF,
    "pic.webp": WEBP,
    "bundle.zip": zip_bytes({"readme.txt": "hello"}),
    "notes.txt": "Notes en français, ملاحظات\n".encode(),
    "data.csv": b"country,level\nBJ,3\nKE,4\n",
    "legacy.csv": "pays,niveau\nBénin,3\n".encode("cp1252"),
}

REFUSED_FILES = {
    "page.html": HTML,
    "image.svg": SVG,
    "renamed-html.pdf": HTML,
    "renamed-html.txt": HTML,
    "renamed-html.docx": HTML,
    "svg-as.png": SVG,
    "svg-as.txt": SVG,
    "script.txt": b"#!/bin/sh\nrm -rf /\n",
    "script.csv": b"  <script>alert(1)</script>",
    "binary.txt": b"abc\x00def",
    "png-as.jpg": PNG,
    "zip-as.docx": zip_bytes({"readme.txt": "hello"}),
    "zip-as.odt": zip_bytes({"mimetype": "text/html"}),
    "not-a-zip.zip": b"PK\x03\x04garbage",
    "program.exe": b"MZ\x90\x00",
    "noextension": PDF,
}
