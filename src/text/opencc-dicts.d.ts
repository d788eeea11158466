// opencc-js ships its dictionaries as ESM modules whose default export is a 'from to|from to' string.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
