/**
 * A port's bare name is also its town's: it is the port with a word for the port or for shipping and freight (a ferry,
 * cargo, containers, a tanker, a sea route) in the name's own clause, or in the head of the list after a colon it
 * stands in; the town's own words keep it the town (data/entities/news.yaml `needs-in: clause`, data/languages.yaml
 * `port` and `town`). Sentences in no evaluation page.
 */
import { describe, expect, it } from 'vitest';
import { ids, page } from './project-matcher';

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
});

describe('a port town in a shipping or freight context', () => {
  it('is the port beside a ferry, in every language', () => {
    expect(ids('The evening ferry from Baku to Aktau was cancelled by the storm.')).toEqual(['baku', 'aktau-port']);
    expect(ids("Bakü'den Aktau'ya giden feribot yarın kalkacak.")).toEqual(['baku', 'aktau-port']);
    expect(ids('Aktaudan Bakıya bərə reysləri bərpa olunub.')).toEqual(['aktau-port', 'baku']);
    expect(ids('Паром из Баку в Актау вышел с опозданием.')).toEqual(['baku', 'aktau-port']);
    expect(ids('Құрық паромы Бакуге қайта жүре бастады.')).toEqual(['kuryk-port', 'baku']);
    expect(ids('Aqtaudan Bakuge parommen jük jıberıldı.')).toEqual(['aktau-port', 'baku']);
    expect(ids('Oqtovdan Bokuga parom qatnovi tiklandi.')).toEqual(['aktau-port', 'baku']);
    expect(ids('Aktaudan Bakuwa parom gatnaýar.')).toEqual(['aktau-port', 'baku']);
    expect(ids('Актаудан Бакуга паром жүрөт.')).toEqual(['aktau-port', 'baku']);
    expect(ids('ბაქოდან აქტაუში ბორანი დადის.')).toEqual(['baku', 'aktau-port']);
    expect(ids('Բաքվից Ակտաու լաստանավը ուշացավ։')).toEqual(['baku', 'aktau-port']);
  });
  it('is the port beside cargo, containers, a tanker or a sea route', () => {
    expect(ids('Containers from Kuryk reach Baku in a day.')).toEqual(['kuryk-port', 'baku']);
    expect(ids("Kurık'tan gelen konteynerler Bakü'de bekliyor.")).toEqual(['kuryk-port', 'baku']);
    expect(ids('Грузы из Курыка идут в Баку морским путём.')).toEqual(['kuryk-port', 'baku']);
    expect(ids('Ақтаудан Бакуге жүк тасымалы артты.')).toEqual(['aktau-port', 'baku']);
    expect(ids('Танкер из Актау пришёл в Баку.')).toEqual(['aktau-port', 'baku']);
  });
  it('is the port in a list of ports after a colon', () => {
    expect(ids('Теңіз порттары: Ақтау, Құрық.')).toEqual(['aktau-port', 'kuryk-port']);
    expect(ids('Ports of call: Baku, Aktau, Kuryk.')).toEqual(['baku', 'aktau-port', 'kuryk-port']);
  });
  it('stays the town with the town’s own words, or with none of shipping in its clause', () => {
    expect(ids('Aktau city hotels were full, so the ferry from Baku waited.')).toEqual(['baku']);
    expect(ids('Ақтау қаласында жүк көліктері көп, Баку жолы жабық.')).toEqual(['baku']);
    expect(ids('Ceyhan ilçesinde okullar tatil, tanker trafiği normal.')).toEqual([]);
    expect(ids('Погода в Актау: шторм, паромы из Баку стоят.')).toEqual(['baku']);
    expect(ids('Ақтау әкімдігі жүк көліктеріне тыйым салды, Баку жолы ашық.')).toEqual(['baku']);
  });
  it('reads no word that only starts like a shipping word', () => {
    // "yüksek" (high) starts as "yük" (cargo), "Грузия" as "груз", "Kemal" as Uzbek "kema" (a ship)
    expect(ids("Bakü ve Aktau'da sıcaklık yüksek.")).toEqual(['baku']);
    expect(page('Из Грузии в Актау приехали туристы.').map(([, id]) => id)).not.toContain('aktau-port');
    expect(ids('Kemal Bakuda Oqtov haqida gapirdi.')).not.toContain('aktau-port');
  });
});
