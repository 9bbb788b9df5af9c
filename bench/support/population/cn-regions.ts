import type { Random, Weighted } from './mulberry32.js';

/** A county-level district: its GB/T 2260 code, its postcode and its landline area code. */
export interface CnRegion {
  code: string;
  /** Province or municipality, as written on an address. */
  region: string;
  district: string;
  postcode: string;
  areaCode: string;
}

// Real codes and postcodes; weights roughly follow the cities' populations.
const REGIONS: readonly Weighted<CnRegion>[] = [
  region('110101', '北京市', '东城区', '100010', '10', 5),
  region('110105', '北京市', '朝阳区', '100020', '10', 10),
  region('120101', '天津市', '和平区', '300041', '22', 5),
  region('310101', '上海市', '黄浦区', '200001', '21', 5),
  region('310115', '上海市', '浦东新区', '200120', '21', 12),
  region('320102', '江苏省南京市', '玄武区', '210018', '25', 5),
  region('330106', '浙江省杭州市', '西湖区', '310012', '571', 6),
  region('420106', '湖北省武汉市', '武昌区', '430061', '27', 6),
  region('440106', '广东省广州市', '天河区', '510630', '20', 9),
  region('440305', '广东省深圳市', '南山区', '518052', '755', 9),
  region('510104', '四川省成都市', '锦江区', '610021', '28', 7),
  region('610113', '陕西省西安市', '雁塔区', '710061', '29', 6),
];

function region(
  code: string,
  name: string,
  district: string,
  postcode: string,
  areaCode: string,
  weight: number,
): Weighted<CnRegion> {
  return { value: { code, region: name, district, postcode, areaCode }, weight };
}

export const STREETS: readonly string[] = [
  '人民路',
  '解放路',
  '中山路',
  '建设路',
  '和平路',
  '新华路',
  '文化路',
  '胜利路',
  '光明街',
  '幸福路',
  '朝阳路',
  '长江路',
  '黄河路',
  '青年路',
  '学府路',
  '团结街',
];

export function drawRegion(rng: Random): CnRegion {
  return rng.weighted(REGIONS);
}
