import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv";
import { locateCrowdFixture, runCliCaptured, writeTempFile } from "../test-support";

const rteLabels = locateCrowdFixture("rte", "labels.csv");
const rteTruth = locateCrowdFixture("rte", "truth.csv");

describe("goldloop resolve", () => {
  it("writes item,label,confidence to stdout and the accuracy to stderr", async () => {
    const { code, stdout, stderr } = await runCliCaptured(["resolve", "--labels", rteLabels, "--method", "ds", "--truth", rteTruth]);
    expect(code).toBe(0);
    const records = parseCsv(stdout).map((record) => record.fields);
    expect(records[0]).toEqual(["item", "label", "confidence"]);
    expect(records).toHaveLength(801);
    expect(records[1]).toEqual(["266", "1", expect.stringMatching(/^0\.99\d{4}$/)]);
    expect(stderr).toBe("ds: 800 items from 8000 labels in 9 iterations; accuracy 0.9275 (742/800 gold items)\n");
  });

  it.each([
    ["mv", "accuracy 0.9187 (735/800"],
    ["wawa", "accuracy 0.9213 (737/800"],
    ["onecoin", "accuracy 0.9250 (740/800"],
  ])("runs %s", async (method, expected) => {
    const { code, stderr } = await runCliCaptured(["resolve", "--labels", rteLabels, "--method", method, "--truth", rteTruth]);
    expect(code).toBe(0);
    expect(stderr).toContain(expected);
  });

  it("writes to --out and prints a summary line instead", async () => {
    const out = writeTempFile("out.csv", "");
    const labels = locateCrowdFixture("bluebirds", "labels.csv");
    const truth = locateCrowdFixture("bluebirds", "truth.csv");
    const { code, stdout, stderr } = await runCliCaptured(["resolve", "--labels", labels, "--method", "ds", "--out", out, "--truth", truth]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toBe(`ds: 108 items from 4212 labels in 8 iterations; accuracy 0.8981 (97/108 gold items); wrote ${out}\n`);
    expect(parseCsv(readFileSync(out, "utf8"))).toHaveLength(109);
  });

  it("reads quoted fields and CRLF, and quotes on output", async () => {
    const labels = writeTempFile("labels.csv", 'worker,item,label\r\nann,"a, b",yes\r\nbob,"a, b",yes\r\nann,c,"no"\r\n');
    const { code, stdout } = await runCliCaptured(["resolve", "--labels", labels, "--method", "mv"]);
    expect(code).toBe(0);
    expect(stdout).toBe('item,label,confidence\r\n"a, b",yes,1.000000\r\nc,no,1.000000\r\n');
  });

  it.each([
    ["a missing column", "item,worker,lable\na,w,1\n", "line 1: missing column \"label\" (header is item,worker,lable)"],
    ["an empty file", "", "is empty; expected a header item,worker,label"],
    ["a header without answers", "item,worker,label\r\n", "has a header but no answers"],
    ["a worker labelling an item twice", "item,worker,label\na,w,1\nb,w,1\na,w,0\n", 'line 4: worker "w" already labelled item "a" on line 2'],
    ["a wrong field count", "item,worker,label\na,w,1\nb,w\n", "line 3: expected 3 fields, found 2"],
    ["an empty value", "item,worker,label\na,,1\n", "line 2: empty worker"],
    ["broken quoting", 'item,worker,label\na,w,1\nb,w,"1\n', "line 3: quoted field is never closed"],
  ])("rejects %s with its line number and exit code 2", async (_, content, message) => {
    const labels = writeTempFile("labels.csv", content);
    const { code, stdout, stderr } = await runCliCaptured(["resolve", "--labels", labels, "--method", "mv"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`goldloop resolve: ${labels} ${message}\n`);
  });

  it("scores a gold label that no worker gave as wrong without letting it change the inference", async () => {
    const labels = writeTempFile("labels.csv", "item,worker,label\na,w1,x\nb,w1,y\n");
    const truth = writeTempFile("truth.csv", "item,label\na,x\nb,z\nunlabelled,x\n");
    const { code, stdout, stderr } = await runCliCaptured(["resolve", "--labels", labels, "--method", "ds", "--truth", truth]);
    expect(code).toBe(0);
    expect(stdout).toContain("b,y,");
    expect(stderr).toContain("accuracy 0.5000 (1/2 gold items)");
  });

  it("rejects a duplicate gold item", async () => {
    const truth = writeTempFile("truth.csv", "item,label\n266,1\n266,0\n");
    const { code, stderr } = await runCliCaptured(["resolve", "--labels", rteLabels, "--method", "mv", "--truth", truth]);
    expect(code).toBe(2);
    expect(stderr).toContain('line 3: item "266" already has a gold label on line 2');
  });

  it.each([
    [["resolve", "--method", "mv"], "missing required flag --labels"],
    [["resolve", "--labels", rteLabels, "--method", "em"], 'unknown --method "em"; use one of mv, wawa, ds, onecoin'],
    [["resolve", "--labels", "/nonexistent/labels.csv", "--method", "mv"], "cannot read /nonexistent/labels.csv: ENOENT"],
  ])("rejects bad flags: %j", async (argv, message) => {
    const { code, stderr } = await runCliCaptured(argv);
    expect(code).toBe(2);
    expect(stderr).toBe(`goldloop resolve: ${message}\n`);
  });
});
