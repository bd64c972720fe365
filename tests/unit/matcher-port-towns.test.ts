/**
 * A port's bare name is also its town's: it is the port only with a word for the port itself in the name's own
 * clause (data/entities/news.yaml `needs-in: clause`, data/languages.yaml `port`). Sentences in no evaluation page.
 */
import { describe, expect, it } from 'vitest';
import { ids } from './project-matcher';

describe('a port town', () => {
  it('is the port with a port’s word in its clause, before or after it', () => {
    expect(ids('Grain leaves through the port of Ceyhan this week.')).toEqual(['port-of-ceyhan']);
    expect(ids('Ceyhan terminali bu yıl rekor kırdı.')).toEqual(['port-of-ceyhan']);
    expect(ids('Суда ждут у причалов, Актау и Курык принимают по три в день.')).toEqual(['aktau-port', 'kuryk-port']);
  });
  it('is the town when the port’s word is in another sentence or clause', () => {
    expect(ids('Порт работает круглосуточно. В Актау сегодня +30.')).toEqual([]);
    expect(ids('Суда ждут у причалов: в Актау и Курыке сегодня жара.')).toEqual([]);
    expect(ids('Ceyhan limanı açık; Ceyhan’da yarın yağmur var.')).toEqual(['port-of-ceyhan']);
  });
  it('is the town beside a ship’s word: a ferry or a tanker sails between towns', () => {
    expect(ids('The evening ferry to Aktau was cancelled by the storm.')).toEqual([]);
    expect(ids('Ceyhan ilçesinde okullar tatil, tanker trafiği normal.')).toEqual([]);
  });
});
