import { z } from "zod";

/**
 * The OTLP trace export request as a plain object: OTLP/JSON as sent, or protobuf decoded into the same
 * shape (lowerCamelCase keys, int64 as strings, bytes as base64). Unknown fields are ignored, as OTLP
 * asks of receivers. Spans stay unparsed here so one bad span is rejected alone (see spanSchema).
 */

// JSON numbers past 2^53 (nanosecond timestamps) arrive rounded, which is still an integer; zod's int() would refuse them.
const int64 = z.union([z.string().regex(/^-?\d+$/, "must be an integer"), z.number().refine(Number.isInteger, "must be an integer")], {
  error: "must be an integer (a number or a decimal string)",
});

export type AnyValueInput = {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number | string;
  bytesValue?: string;
  arrayValue?: { values?: AnyValueInput[] };
  kvlistValue?: { values?: KeyValueInput[] };
};
export type KeyValueInput = { key: string; value?: AnyValueInput };

export const anyValueSchema: z.ZodType<AnyValueInput> = z.lazy(() =>
  z.object(
    {
      stringValue: z.string().optional(),
      boolValue: z.boolean().optional(),
      intValue: int64.optional(),
      // OTLP/JSON writes NaN and the infinities as strings.
      doubleValue: z.union([z.number(), z.enum(["NaN", "Infinity", "-Infinity"])]).optional(),
      bytesValue: z.string().optional(),
      arrayValue: z.object({ values: z.array(anyValueSchema).optional() }).optional(),
      kvlistValue: z.object({ values: z.array(keyValueSchema).optional() }).optional(),
    },
    { error: "an attribute value must be an AnyValue object such as {\"stringValue\": \"…\"}" },
  ),
);

export const keyValueSchema: z.ZodType<KeyValueInput> = z.lazy(() =>
  z.object({ key: z.string("an attribute needs a key"), value: anyValueSchema.optional() }, { error: "an attribute must be {key, value}" }),
);

const attributesSchema = z.array(keyValueSchema, "attributes must be an array of {key, value}").default([]);

export const spanSchema = z.object(
  {
    traceId: z.string("traceId is required"),
    spanId: z.string("spanId is required"),
    name: z.string("name must be text").default(""),
    startTimeUnixNano: int64.optional(),
    endTimeUnixNano: int64.optional(),
    attributes: attributesSchema,
    events: z.array(z.object({ name: z.string().default(""), timeUnixNano: int64.optional(), attributes: attributesSchema }), "events must be an array").default([]),
    status: z.object({ code: z.union([z.number(), z.string()]).optional(), message: z.string().optional() }).optional(),
  },
  { error: "a span must be an object" },
);
export type OtlpSpan = z.infer<typeof spanSchema>;

export const exportTraceRequestSchema = z.object(
  {
    resourceSpans: z
      .array(
        z.object(
          {
            resource: z.object({ attributes: attributesSchema }).optional(),
            scopeSpans: z
              .array(z.object({ scope: z.object({ name: z.string().optional(), version: z.string().optional() }).optional(), spans: z.array(z.unknown(), "spans must be an array").default([]) }), "scopeSpans must be an array")
              .default([]),
          },
          { error: "each resourceSpans entry must be an object" },
        ),
        "resourceSpans must be an array",
      )
      .default([]),
  },
  { error: "the body must be an ExportTraceServiceRequest object" },
);
export type ExportTraceRequest = z.infer<typeof exportTraceRequestSchema>;
