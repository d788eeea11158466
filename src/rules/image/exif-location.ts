import { defineRule } from '../../core/rule.js';
import { reportImages } from './helpers/report.js';
import type { ImageFacts, ImageReport } from '../../facts/image.js';

const SOURCE = '《中华人民共和国个人信息保护法》第二十八条（行踪轨迹属敏感个人信息）';

/** Coordinates closer than this to 0°,0° are a receiver's placeholder without a fix, not a place. */
const NULL_ISLAND = 1e-6;

/** Judges whether the image's metadata gives away where it was taken. */
export function evaluateExifLocation(facts: ImageFacts): ImageReport | undefined {
  const gps = facts.gps;
  if (!gps) return undefined;
  const { latitude, longitude } = gps;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return undefined;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  if (Math.abs(latitude) < NULL_ISLAND && Math.abs(longitude) < NULL_ISLAND) return undefined;
  const block = gps.source === 'xmp' ? 'XMP' : 'EXIF';
  return {
    message: `图片的 ${block} 元数据含有拍摄地点的 GPS 坐标，发布后任何人都能读出，可能泄露当事人或工作人员的行踪；请先清除图片元数据（另存为或用工具去除 EXIF/XMP）再发布。`,
    data: {
      latitude: Math.round(latitude * 1e6) / 1e6,
      longitude: Math.round(longitude * 1e6) / 1e6,
      ...(gps.altitude !== undefined && Number.isFinite(gps.altitude) ? { altitude: gps.altitude } : {}),
      metadata: gps.source,
    },
    source: SOURCE,
  };
}

/** `image/exif-location`: a GPS position in the EXIF or XMP metadata. Runs in `shenjiao/node`. */
export const exifLocation = defineRule({
  id: 'image/exif-location',
  meta: {
    description: '图片元数据（EXIF/XMP）中含有 GPS 拍摄位置，可能泄露行踪',
    defaultSeverity: 'warning',
    recommended: true,
    fixable: false,
    docs: { wrong: '手机原图（EXIF 含 GPS 坐标）', right: '去除元数据后的图片', source: SOURCE },
  },
  check(context) {
    reportImages(context, (image) => evaluateExifLocation(image.facts));
  },
});
