import protobuf from 'protobufjs';
import { CloudError } from './errors';
import type { Store } from './store/store';
import { isPlainObject } from './values';

/**
 * `cloud.openapi.*` as wx-server-sdk 4.0.2 sends it: a multipart POST (`action=wx.openApi`, `apiName`,
 * `requestData` = protobuf CommApiData whose pairs hold snake_case JSON values), answered with a protobuf
 * CommOpenApiResp whose `respData` is WeChat's JSON reply. The field layout is the SDK's own
 * (src/protobuf/openapi.js inside wx-server-sdk/index.js).
 */
const root = protobuf.Root.fromJSON({
  nested: {
    KeyValuePair: {
      fields: {
        key: { type: 'string', id: 1 },
        value: { type: 'bytes', id: 2 },
        contenttype: { type: 'string', id: 3 },
        filename: { type: 'string', id: 4 },
      },
    },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    CommApiData: {
      fields: {
        apiType: { type: 'int32', id: 1 },
        openapiData: { type: 'OpenApiData', id: 2 },
        appid: { type: 'string', id: 6 },
      },
    },
    HttpHeader: { fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 },
        headers: { rule: 'repeated', type: 'HttpHeader', id: 5 },
        svrkitErrorCode: { type: 'int32', id: 6 },
      },
    },
  },
});
const CommApiData = root.lookupType('CommApiData');
const CommOpenApiResp = root.lookupType('CommOpenApiResp');

export function decodeOpenApiRequest(buf: Buffer): Record<string, unknown> {
  let message: { openapiData?: { pairs?: { key: string; value: Uint8Array }[] } };
  try {
    message = CommApiData.toObject(CommApiData.decode(buf)) as typeof message;
  } catch (e) {
    throw new CloudError(
      'INVALID_PARAM',
      `requestData is not a CommApiData protobuf: ${(e as Error).message}`,
    );
  }
  const params: Record<string, unknown> = {};
  for (const pair of message.openapiData?.pairs ?? []) {
    const text = Buffer.from(pair.value).toString('utf8');
    try {
      params[pair.key] = JSON.parse(text);
    } catch {
      params[pair.key] = text;
    }
  }
  return params;
}

/** A WeChat JSON reply (errcode 0 or not) wrapped the way the SDK expects. */
export function encodeOpenApiReply(json: Record<string, unknown>): Buffer {
  const message = CommOpenApiResp.create({
    respData: Buffer.from(JSON.stringify(json)),
    contentType: 'application/json; charset=utf-8',
    errorCode: 0,
    httpCode: 200,
  });
  return Buffer.from(CommOpenApiResp.encode(message).finish());
}

/** A platform-level refusal (e.g. -604101: the function's config.json does not list the API). */
export function encodeOpenApiSystemError(errorCode: number): Buffer {
  return Buffer.from(CommOpenApiResp.encode(CommOpenApiResp.create({ errorCode, httpCode: 200 })).finish());
}

// ------------------------------------------------------------------------------------------------ config

/** Field kinds of a subscribe-message template, with WeChat's value rules. */
export type TemplateFieldKind =
  | 'thing'
  | 'number'
  | 'letter'
  | 'symbol'
  | 'character_string'
  | 'time'
  | 'date'
  | 'amount'
  | 'phone_number'
  | 'car_number'
  | 'name'
  | 'phrase';

export interface SubscribeTemplate {
  title: string;
  /** Data keys as in the template, e.g. `{ thing1: 'thing', time2: 'time' }`. */
  fields: Record<string, TemplateFieldKind>;
}

export interface SecurityWord {
  word: string;
  suggest: 'risky' | 'review';
  /** WeChat's label: 10001 ad, 20001 politics, 20002 porn, 20003 abuse, 20006 crime, 20008 fraud, 20012 vulgar, 21000 other. */
  label?: number;
}

export interface OpenApiConfig {
  templates: Record<string, SubscribeTemplate>;
  securityWords: SecurityWord[];
}

const FIELD_RULES: Record<TemplateFieldKind, { max: number; test?: RegExp; hint: string }> = {
  thing: { max: 20, hint: 'at most 20 characters' },
  number: { max: 32, test: /^[-+]?\d+(\.\d+)?$/, hint: 'digits, at most 32' },
  letter: { max: 32, test: /^[A-Za-z]+$/, hint: 'letters, at most 32' },
  symbol: { max: 5, test: /^[^\p{L}\p{N}\s]+$/u, hint: 'symbols, at most 5' },
  character_string: { max: 32, test: /^[\x21-\x7e]+$/, hint: 'letters, digits and symbols, at most 32' },
  time: { max: 40, test: /\d{1,2}:\d{2}/, hint: 'a 24-hour time, optionally with a date' },
  date: { max: 40, test: /\d{4}[年\-/.]\d{1,2}[月\-/.]\d{1,2}/, hint: 'a date, optionally with a time' },
  amount: { max: 11, test: /^[¥￥]?\d+(\.\d{1,2})?元?$/, hint: 'an amount such as 5.80元' },
  phone_number: { max: 17, test: /^[\d+\-() ]+$/, hint: 'a phone number' },
  car_number: { max: 8, test: /^[\u4e00-\u9fa5][A-Z0-9]+$/, hint: 'a plate number' },
  name: { max: 20, hint: 'at most 10 Chinese characters or 20 letters' },
  phrase: { max: 5, test: /^[\u4e00-\u9fa5]+$/, hint: 'at most 5 Chinese characters' },
};

const SUGGEST_RANK = { pass: 0, review: 1, risky: 2 } as const;

// ------------------------------------------------------------------------------------------------ service

export const OUTBOX = '$outbox';
export const GRANTS = '$grants';

export interface OpenApiCaller {
  functionName: string;
  invocationId: string;
  /** The APIs the function's config.json lists under permissions.openapi. */
  permissions: string[];
}

export type OpenApiOutcome = { reply: Record<string, unknown> } | { systemError: number };

export interface OutboxMessage {
  _id: string;
  msgid: number;
  at: Date;
  touser: string;
  templateId: string;
  page: string | null;
  data: Record<string, { value: string }>;
  miniprogramState: string;
  lang: string;
  functionName: string | null;
  invocationId: string | null;
}

export const grantId = (openid: string, templateId: string) => `${openid}|${templateId}`;

export class OpenApiService {
  private msgSeq = 0;

  constructor(
    private readonly store: Store,
    private readonly config: OpenApiConfig,
  ) {}

  async handle(
    apiName: string,
    params: Record<string, unknown>,
    caller: OpenApiCaller | null,
  ): Promise<OpenApiOutcome> {
    if (caller && !caller.permissions.includes(apiName)) {
      // WeChat refuses calls to APIs missing from the function's config.json (-604101).
      return { systemError: -604101 };
    }
    switch (apiName) {
      case 'subscribeMessage.send':
        return { reply: await this.subscribeSend(params, caller) };
      case 'security.msgSecCheck':
        return { reply: this.msgSecCheck(params) };
      default:
        throw new CloudError(
          'LOCAL_CLOUD_NOT_EMULATED',
          `local-cloud does not emulate openapi.${apiName}; emulated: subscribeMessage.send, security.msgSecCheck (v2)`,
        );
    }
  }

  /** Records that a user accepted a one-time subscription (what `wx.requestSubscribeMessage` does on "accept"). */
  async grant(openid: string, templateId: string, count = 1): Promise<number> {
    if (!openid) throw new CloudError('INVALID_PARAM', 'openid is required');
    if (!this.config.templates[templateId])
      throw new CloudError('INVALID_PARAM', `unknown template ${templateId}`);
    if (!Number.isInteger(count) || count < 1)
      throw new CloudError('INVALID_PARAM', 'count must be a positive integer');
    const id = grantId(openid, templateId);
    const current = (this.store.engine.getById(GRANTS, id)?.remaining as number | undefined) ?? 0;
    const remaining = current + count;
    await this.store.commit([{ op: 'put', c: GRANTS, doc: { _id: id, openid, templateId, remaining } }]);
    return remaining;
  }

  remainingGrants(openid: string, templateId: string): number {
    return (
      (this.store.engine.getById(GRANTS, grantId(openid, templateId))?.remaining as number | undefined) ?? 0
    );
  }

  outbox(filter: { touser?: string; templateId?: string } = {}): OutboxMessage[] {
    const query: Record<string, unknown> = {};
    if (filter.touser) query.touser = filter.touser;
    if (filter.templateId) query.templateId = filter.templateId;
    return this.store.engine.find(OUTBOX, { query, sort: { msgid: 1 } }) as unknown as OutboxMessage[];
  }

  private async subscribeSend(
    p: Record<string, unknown>,
    caller: OpenApiCaller | null,
  ): Promise<Record<string, unknown>> {
    const touser = p.touser;
    const templateId = p.template_id;
    if (typeof touser !== 'string' || touser === '') return wxError(40003, 'invalid openid');
    if (typeof templateId !== 'string' || !this.config.templates[templateId]) {
      return wxError(40037, 'invalid template id');
    }
    const template = this.config.templates[templateId]!;
    const state = p.miniprogram_state ?? 'formal';
    if (!['developer', 'trial', 'formal'].includes(state as string)) {
      return wxError(47003, 'argument invalid! miniprogram_state invalid');
    }
    if (p.page !== undefined && typeof p.page !== 'string')
      return wxError(47003, 'argument invalid! page invalid');
    if (!isPlainObject(p.data)) return wxError(47003, 'argument invalid! data is empty');
    const data: Record<string, { value: string }> = {};
    for (const [key, kind] of Object.entries(template.fields)) {
      const entry = p.data[key];
      const value = isPlainObject(entry) ? entry.value : undefined;
      if (typeof value !== 'string' || value === '')
        return wxError(47003, `argument invalid! data.${key}.value is empty`);
      const rule = FIELD_RULES[kind];
      if ([...value].length > rule.max || (rule.test && !rule.test.test(value))) {
        return wxError(47003, `argument invalid! data.${key}.value invalid: ${kind} must be ${rule.hint}`);
      }
      data[key] = { value };
    }

    const id = grantId(touser, templateId);
    const remaining = this.remainingGrants(touser, templateId);
    if (remaining < 1) return wxError(43101, 'user refuse to accept the msg');

    this.msgSeq = Math.max(this.msgSeq, this.store.engine.size(OUTBOX)) + 1;
    const msgid = this.msgSeq;
    const message: OutboxMessage = {
      _id: String(msgid),
      msgid,
      at: new Date(),
      touser,
      templateId,
      page: (p.page as string | undefined) ?? null,
      data,
      miniprogramState: state as string,
      lang: (p.lang as string | undefined) ?? 'zh_CN',
      functionName: caller?.functionName ?? null,
      invocationId: caller?.invocationId ?? null,
    };
    // Consuming the grant and keeping the message are one atomic change.
    await this.store.commit([
      { op: 'put', c: GRANTS, doc: { _id: id, openid: touser, templateId, remaining: remaining - 1 } },
      { op: 'put', c: OUTBOX, doc: message as unknown as { _id: string } },
    ]);
    return { errcode: 0, errmsg: 'ok', msgid };
  }

  private msgSecCheck(p: Record<string, unknown>): Record<string, unknown> {
    if (p.version !== 2 && p.version !== '2') {
      throw new CloudError(
        'LOCAL_CLOUD_NOT_EMULATED',
        'local-cloud emulates security.msgSecCheck version 2 only (version 1 is retired by WeChat); pass version: 2',
      );
    }
    if (typeof p.openid !== 'string' || p.openid === '') return wxError(40003, 'invalid openid');
    if (![1, 2, 3, 4].includes(Number(p.scene)))
      return wxError(40097, 'invalid args: scene must be 1, 2, 3 or 4');
    if (typeof p.content !== 'string') return wxError(40097, 'invalid args: content is required');
    if ([...p.content].length > 2500)
      return wxError(40097, 'invalid args: content is longer than 2500 characters');

    const text = [p.content, p.title, p.nickname, p.signature]
      .filter((t): t is string => typeof t === 'string')
      .join('\n')
      .toLowerCase();
    const hits = this.config.securityWords.filter((w) => w.word && text.includes(w.word.toLowerCase()));
    const worst = hits.sort((a, b) => SUGGEST_RANK[b.suggest] - SUGGEST_RANK[a.suggest])[0];
    const traceId = `local-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    if (!worst) {
      return {
        errcode: 0,
        errmsg: 'ok',
        result: { suggest: 'pass', label: 100 },
        detail: [{ strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 }],
        trace_id: traceId,
      };
    }
    const label = worst.label ?? 21000;
    return {
      errcode: 0,
      errmsg: 'ok',
      result: { suggest: worst.suggest, label },
      detail: hits.map((w) => ({
        strategy: 'keyword',
        errcode: 0,
        suggest: w.suggest,
        label: w.label ?? 21000,
        level: 20,
        keyword: w.word,
      })),
      trace_id: traceId,
    };
  }
}

function wxError(errcode: number, errmsg: string): Record<string, unknown> {
  return { errcode, errmsg: `${errmsg} rid: local-${Date.now().toString(16)}` };
}
