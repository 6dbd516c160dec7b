#!/usr/bin/python3
"""Writes the bad-input corpus of the data and model layers (run from this folder).

Each file is one way a user's file can be wrong; BadInputCorpusTest checks the message for each.
The model files (*.twinmodel, *.onnx) are written by org.twinbench.model.BadModelFiles (test scope).
"""
import io
import os
import random
import zipfile

import openpyxl


def write(name, data):
    with open(name, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


write("empty.csv", b"")
write("blank-lines-only.csv", "\n   \n\n")
write("header-only.csv", "id,income,region\n")
write("ragged-long-row.csv", "a,b,c\n1,2,3\n4,5,6,7\n8,9,10\n")
write("ragged-short-row.csv", "a,b,c\n1,2,3\n4,5,6\n7,8\n")
write("unclosed-quote.csv", 'name,city\nann,Paris\n"bob,Lyon\ncid,Nice\n')
write("text-after-quote.csv", 'name,city\n"ann"x,Paris\n')
write("duplicate-columns.csv", "id,age,income,age\n1,30,100,31\n")
write("blank-column-name.csv", "id,,income\n1,2,3\n")
random.seed(7)
write("binary-garbage.csv", bytes(random.randrange(256) for _ in range(4096)))
write("control-characters.csv", bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 44, 65] * 40))
write("utf16-without-bom.csv", "name,age\nJosé,31\nZoë,42\n".encode("utf-16-le"))
write("utf16-with-bom.csv", "\ufeffname,age\nJosé,31\nZoë,42\n".encode("utf-16-le"))
write("latin1.csv", "name;city;age\nJosé;Málaga;31\nZoë;Köln;42\n".encode("latin-1"))
write("utf8-bom-semicolon.csv", "\ufeffname;city;age\nJosé;Málaga;31\nZoë;Köln;42\n".encode("utf-8"))
# Valid UTF-8 for well past the 64 KiB the encoding is sniffed from, then one Latin-1 byte on line 7002.
body = "id,city\n" + "".join(f"{i},Málaga\n" for i in range(1, 7001))
write("mixed-encoding.csv", body.encode("utf-8") + "7001,K\xf6ln\n".encode("latin-1"))
write("wide-10000-columns.csv", ",".join(f"c{j}" for j in range(10000)) + "\n"
      + "\n".join(",".join(str((r * 7 + j) % 10) for j in range(10000)) for r in range(3)) + "\n")
write("too-wide-20000-columns.csv", ",".join(f"c{j}" for j in range(20000)) + "\n"
      + ",".join("1" for _ in range(20000)) + "\n")
write("thousands-separators.csv", 'id,amount\n1,"1,234.50"\n2,"12,000"\n3,7\n4,"-1,000,000.25"\n')
write("decimal-commas.csv", "id;price;qty\n1;1,5;3\n2;2.000,25;4\n3;-0,75;5\n")
write("mixed-number-text.csv", "code,n\n007,1\n1.50,2\nA12,3\n")
write("number-override-fails.csv", "id,score\n1,0.5\n2,0.7\n3,high\n")
write("multiline-then-ragged.csv", 'id,note,x\n1,"two\nlines",3\n2,ok,4,5\n')
write("zip-named.csv", b"PK\x03\x04" + bytes(60))
write("pdf-named.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
write("gzip-named.csv", b"\x1f\x8b\x08\x00" + bytes(40))
# Has only two of the six columns the sample ONNX model reads (TrainScoreCommandTest).
write("onnx-lacking-inputs.csv", "income,age\n50000,40\n")
write("dates-and-timestamps.csv", "day,at,label\n2024-01-31,2024-01-31T10:15:00Z,a\n"
      "2024-02-29,2024-02-29 23:59:59,b\n,2024-03-01T00:00,c\n")

book = openpyxl.Workbook()
sheet = book.active
sheet.append(["id", "income", "region"])
for i in range(1, 201):
    sheet.append([i, 1000 + 10 * i, ["north", "south"][i % 2]])
buffer = io.BytesIO()
book.save(buffer)
good = buffer.getvalue()
write("good.xlsx", good)
write("truncated.xlsx", good[: len(good) // 2])
write("xls-renamed.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
write("text-named.xlsx", "id,income\n1,2\n")
