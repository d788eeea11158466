import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { scriptBehaviour } from '../../../src/rules/link/helpers/hijack.js';
import { assertFindingInvariants } from '../../helpers/rule-tester.js';

// Look-alikes and injections as they appear on real portals, one snippet each, wrapped in a page.
// A `legit` snippet must stay silent; a `dark` one must be found with the technique named.

const checker = createChecker({ preset: 'none', rules: { 'link/dark-link': 'error' } });
const wrap = (b: string) => (b.includes('<html') ? b : `<!DOCTYPE html><html><head><title>某某县人民政府</title></head><body><p>正文</p>${b}</body></html>`);
const dark = (body: string) => {
  const html = wrap(body);
  const findings = checker.checkHtml(html).filter((f) => f.ruleId === 'link/dark-link');
  assertFindingInvariants(html, findings);
  return findings;
};

const LEGIT: [string, 'legit', string][] = [
 ['jq dropdown no class ul, edu links', 'legit', `<style>.nav li ul{display:none;position:absolute}</style><ul class="nav"><li><a href="/">高校链接</a><ul><li><a href="https://www.pku.edu.cn/">北京大学</a></li><li><a href="https://www.tsinghua.edu.cn/">清华大学</a></li><li><a href="https://www.zju.edu.cn/">浙江大学</a></li><li><a href="https://www.sysu.edu.cn/">中山大学</a></li></ul></li></ul><script>$(".nav li").hover(function(){$(this).children("ul").stop().slideDown()},function(){$(this).children("ul").stop().slideUp()});</script>`],
 ['jq click toggle friend links', 'legit', `<div class="yqlj"><div class="yqlj-t"><span>企业网站</span></div><div class="yqlj-c" style="display:none"><a href="http://www.sgcc.com.cn/">国家电网</a><a href="https://www.10086.cn/">中国移动</a><a href="https://www.boc.cn/">中国银行</a><a href="https://www.icbc.com.cn/">工商银行</a></div></div><script>$(function(){$(".yqlj-t").click(function(){$(this).next().toggle();});});</script>`],
 ['hanweb select friend links', 'legit', `<select onchange="if(this.value!='')window.open(this.value)"><option value="">--市直部门--</option><option value="http://www.a.gov.cn/">A局</option><option value="http://www.b.com/">B公司</option></select>`],
 ['dropdown by onmouseover attr on li', 'legit', `<ul><li onmouseover="this.className='on'" onmouseout="this.className=''"><a href="#">媒体</a><div class="drop" style="display:none"><a href="http://www.cctv.com/">央视网</a><a href="http://www.sina.com.cn/">新浪</a><a href="http://www.163.com/">网易</a><a href="http://www.sohu.com/">搜狐</a></div></li></ul><style>li.on .drop{display:block!important}</style>`],
 ['display none friend links toggled by id function', 'legit', `<a href="javascript:void(0)" onclick="showLinks(2)">省外媒体</a><div id="links2" style="display:none"><a href="http://www.ifeng.com/">凤凰网</a><a href="http://www.thepaper.cn/">澎湃新闻</a><a href="https://www.jiemian.com/">界面</a></div><script>function showLinks(n){for(var i=1;i<=3;i++){document.getElementById("links"+i).style.display=(i==n?"block":"none");}}</script>`],
 ['tab switch by index no names', 'legit', `<div class="tabs"><h3>新闻</h3><h3>媒体</h3></div><div class="cons"><div><a href="/a.html">本地新闻</a></div><div style="display:none"><a href="http://www.ifeng.com/">凤凰网报道</a><a href="http://www.thepaper.cn/n/1">澎湃报道</a><a href="https://www.jiemian.com/a/1">界面报道</a></div></div><script>$(".tabs h3").mouseover(function(){var i=$(this).index();$(".cons>div").hide().eq(i).show();});</script>`],
 ['wza toolbar hidden', 'legit', `<div id="cniil_wza" style="display:none"><a href="javascript:;">放大</a><a href="https://www.cniil.com/">技术支持</a></div><script src="https://cdn.cniil.com/wza/wza.js"></script>`],
 ['kaipuyun assistant', 'legit', `<script id="kpy_zhinengwenda" src="https://znwd.kaipuyun.cn/robot/js/robot.js?siteId=123"></script><div class="robot-box" style="display:none"><iframe src="https://znwd.kaipuyun.cn/robot/index.html?siteId=123" width="400" height="600"></iframe></div>`],
 ['conac badge', 'legit', `<span id="_ideConac"><script type="text/javascript" src="https://dcs.conac.cn/js/33/000/0000/60429971/CA330000000604299710002.js"></script></span><span id="_span_jiucuo"><script id="_jiucuo_" sitecode='3300000001' src='https://zfwzgl.www.gov.cn/exposure/jiucuo.js'></script></span>`],
 ['hidden input', 'legit', `<form action="http://search.example.com/s"><input type="hidden" name="siteid" value="1"><input name="q"></form>`],
 ['sr-only external', 'legit', `<style>.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);border:0}</style><a href="https://www.12345.example.com/"><span class="sr-only">政务服务热线</span><i class="icon-phone"></i></a>`],
 ['carousel left -100% slides', 'legit', `<div class="slide" style="position:relative;overflow:hidden;width:600px;height:300px"><ul style="position:absolute;left:-1200px;width:3000px"><li><a href="http://www.xinhuanet.com/a.htm"><img src="a.jpg" alt="新华网专题"></a></li><li><a href="http://www.news.cn/b.htm">新闻专题</a></li></ul></div>`],
 ['marquee scrolling notice', 'legit', `<marquee direction="up" height="200" scrollamount="2" onmouseover="this.stop()" onmouseout="this.start()"><a href="/tzgg/1.html">关于开展安全检查的通知</a><a href="http://www.xinhuanet.com/">新华网</a></marquee>`],
 ['leave notice modal with external', 'legit', `<div class="layer-leave" style="display:none;position:fixed"><p>您访问的链接即将离开“某某市人民政府”门户网站，是否继续？</p><a class="go" href="http://www.example.com/">继续访问</a></div>`],
 ['qr popup hover', 'legit', `<style>.wx .ewm{display:none}.wx:hover .ewm{display:block}</style><li class="wx"><a href="#">微信</a><div class="ewm"><img src="wx.jpg" alt="二维码"><a href="https://mp.weixin.qq.com/x">关注</a></div></li>`],
 ['cnzz icon hidden', 'legit', `<div style="display:none"><script src="https://s96.cnzz.com/z_stat.php?id=123&web_id=123" language="JavaScript"></script><a href="https://www.cnzz.com/stat/website.php?web_id=123" target="_blank" title="站长统计">站长统计</a></div>`],
 ['baidu share hidden', 'legit', `<div class="bdsharebuttonbox" style="display:none"><a href="#" class="bds_weixin" data-cmd="weixin"></a><a href="https://share.baidu.com/" class="bds_more"></a></div>`],
 ['mobile redirect by UA', 'legit', `<script>if(/Android|iPhone|iPad|Windows Phone/i.test(navigator.userAgent)){window.location.href="https://m.mousi.gov.cn/";}</script>`],
 ['mobile redirect by UA to non-gov', 'legit', `<script>if(navigator.userAgent.match(/(iPhone|Android|Mobile)/i)){location.replace("http://wap.mousi.example.com/");}</script>`],
 ['referrer analytics', 'legit', `<script>var ref=document.referrer;if(ref.indexOf('baidu.com')>-1){var kw=ref.match(/wd=([^&]+)/);$.post('/stat/kw',{k:kw&&kw[1]});}</script>`],
 ['old site redirect', 'legit', `<script>window.location.href="https://www.mousi.gov.cn/new/";</script>`],
 ['meta refresh home', 'legit', `<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0;url=/index.html"></head><body></body></html>`],
 ['anti gambling hidden tab', 'legit', `<style>.tb .c{display:none}.tb .c.cur{display:block}</style><div class="tb"><div class="c cur"><a href="/1.html">要闻</a></div><div class="c"><a href="http://www.xinhuanet.com/legal/1.htm">公安部：严打跨境赌博</a></div></div>`],
 ['iframe map embed', 'legit', `<iframe src="https://map.baidu.com/embed?x=1" width="100%" height="400" frameborder="0"></iframe>`],
 ['full width iframe service via script', 'legit', `<script>document.write('<iframe src="https://zwfw.mousi.gov.cn/portal/" width="100%" height="100%" frameborder="0"></iframe>');</script>`],
 ['video share hidden popup named generic', 'legit', `<div class="share-box hide"><a href="http://service.weibo.com/share/share.php?url=x">微博</a><a href="https://connect.qq.com/widget/shareqq/index.html?url=x">QQ</a><a href="https://sns.qzone.qq.com/cgi-bin/qzshare?url=x">空间</a><a href="https://www.douban.com/share/service?href=x">豆瓣</a></div><style>.hide{display:none}</style><script>$('.share-btn').click(function(){$('.share-box').toggleClass('hide')})</script>`],
 ['trs hidden gov links dropdown', 'legit', `<div class="trs-links" style="display:none"><a href="http://www.a.gov.cn/">甲市</a><a href="http://www.b.gov.cn/">乙市</a><a href="http://www.c.gov.cn/">丙市</a></div>`],
 ['hidden footer school links edu', 'legit', `<div class="friend" style="display:none"><a href="https://www.pku.edu.cn/">北京大学</a><a href="https://www.tsinghua.edu.cn/">清华大学</a><a href="https://www.ruc.edu.cn/">人民大学</a></div><div class="title" onclick="toggle()">友情链接</div><script>function toggle(){var f=document.querySelector('.friend');f.style.display=f.style.display=='none'?'block':'none';}</script>`],
 ['dropdown with vanilla querySelectorAll by tag', 'legit', `<ul id="menu"><li><a href="#">合作媒体</a><ul style="display:none"><li><a href="https://www.ifeng.com/">凤凰</a></li><li><a href="https://www.thepaper.cn/">澎湃</a></li><li><a href="https://www.jiemian.com/">界面</a></li></ul></li></ul><script>var lis=document.getElementById('menu').getElementsByTagName('li');for(var i=0;i<lis.length;i++){lis[i].onmouseover=function(){var u=this.getElementsByTagName('ul')[0];if(u)u.style.display='block';};lis[i].onmouseout=function(){var u=this.getElementsByTagName('ul')[0];if(u)u.style.display='none';};}</script>`],
 ['lottery welfare link', 'legit', `<div style="display:none" class="zt"><a href="https://www.cwl.gov.cn/">中国福利彩票</a><a href="https://www.lottery.gov.cn/">中国体育彩票</a></div>`],
 ['external script from cdn after html', 'legit', `<!DOCTYPE html><html><body><p>x</p></body></html><script src="https://s9.cnzz.com/z_stat.php?id=1"></script>`],
 ['title stuffing in hidden h1 seo', 'legit', `<h1 style="display:none">某某县人民政府门户网站</h1>`],
 ['logo image replacement external', 'legit', `<a href="http://www.12371.cn/" style="display:block;width:200px;height:60px;text-indent:-9999px;background:url(dj.png)">共产党员网</a>`],
 ['empty anchor icons', 'legit', `<div class="fx"><a href="http://service.weibo.com/share/share.php" class="wb" title="分享到微博"></a><a href="https://www.douban.com/share/service" class="db" title="分享到豆瓣"></a></div>`],
 ['ie redirect', 'legit', `<script>if(navigator.userAgent.indexOf("MSIE 6")>-1){location.href="/ie.html";}</script>`],
 ['https upgrade', 'legit', `<script>if(location.protocol=='http:'){location.href=location.href.replace('http:','https:');}</script>`],
 ['frame busting', 'legit', `<script>if(top!=self){top.location=self.location;}</script>`],
 ['kaipuyun stat', 'legit', `<script>document.write(unescape("%3Cscript src='https://tongji.kaipuyun.cn/stat.js?siteid=12' type='text/javascript'%3E%3C/script%3E"));</script>`],
 ['baidu push', 'legit', `<script>(function(){var bp=document.createElement('script');var curProtocol=window.location.protocol.split(':')[0];if(curProtocol==='https'){bp.src='https://zz.bdstatic.com/linksubmit/push.js';}else{bp.src='http://push.zhanzhang.baidu.com/push.js';}var s=document.getElementsByTagName("script")[0];s.parentNode.insertBefore(bp,s);})();</script>`],
 ['search box', 'legit', `<script>function doSearch(){var q=document.getElementById('q').value;window.location.href="https://search.mousi.gov.cn/search?q="+encodeURIComponent(q);}</script>`],
 ['search box outside', 'legit', `<script>function doSearch(){var q=document.getElementById('q').value;window.open("https://www.baidu.com/s?wd="+encodeURIComponent(q)+" site:mousi.gov.cn");}</script>`],
 ['back with referrer', 'legit', `<script>function goBack(){if(document.referrer){history.back();}else{location.href='/';}}</script>`],
 ['404 redirect', 'legit', `<script>setTimeout(function(){location.href="/";},5000);</script>`],
 ['ga classic', 'legit', `<script>var _gaq=_gaq||[];_gaq.push(['_setAccount','UA-1']);(function(){var ga=document.createElement('script');ga.src=('https:'==document.location.protocol?'https://ssl':'http://www')+'.google-analytics.com/ga.js';var s=document.getElementsByTagName('script')[0];s.parentNode.insertBefore(ga,s);})();</script>`],
 ['count img referrer', 'legit', `<script>var img=new Image();img.src='/count?ref='+encodeURIComponent(document.referrer)+'&url='+encodeURIComponent(location.href);</script>`],
 ['youku iframe written', 'legit', `<script>document.write('<iframe src="https://player.youku.com/embed/XNDk" width="600" height="400" frameborder="0"></iframe>');</script>`],
 ['leave notice all links', 'legit', `<script>$(function(){$('a').click(function(e){var h=this.href;if(h.indexOf('gov.cn')<0&&h.indexOf('javascript')<0){e.preventDefault();if(confirm('您即将离开本网站，是否继续？')){window.open(h);}}});});</script>`],
 ['seo referrer keyword highlight', 'legit', `<script>var r=document.referrer;if(/baidu\\.com|sogou\\.com/.test(r)){var m=r.match(/(?:wd|query)=([^&]+)/);if(m){document.getElementById('kw').innerHTML=decodeURIComponent(m[1]);}}</script>`],
 ['mobile spare bots', 'legit', `<script>var ua=navigator.userAgent.toLowerCase();if(!/spider|bot/.test(ua)&&/android|iphone|mobile/.test(ua)){location.replace("http://m.mousi.example.com/");}</script>`],
 ['mobile spare bots gov', 'legit', `<script>var ua=navigator.userAgent.toLowerCase();if(!/spider|bot/.test(ua)&&/android|iphone|mobile/.test(ua)){location.replace("https://wap.mousi.gov.cn/");}</script>`],
 ['mourning gray', 'legit', `<script>document.documentElement.style.filter='grayscale(100%)';document.getElementsByTagName('html')[0].style.webkitFilter='grayscale(1)';</script>`],
 ['preloader hide body', 'legit', `<script>document.body.style.display='none';window.onload=function(){document.body.style.display='block';};</script>`],
 ['wx share jssdk', 'legit', `<script>wx.config({debug:false,appId:'wx1',timestamp:1,nonceStr:'x',signature:'y',jsApiList:['updateAppMessageShareData']});wx.ready(function(){wx.updateAppMessageShareData({title:document.title,link:location.href,imgUrl:'https://www.mousi.gov.cn/logo.png'});});</script>`],
 ['meta refresh external neutral', 'legit', `<!DOCTYPE html><html><head><meta http-equiv="refresh" content="3; URL=https://www.newsite.example.org/"></head><body>本站已迁移</body></html>`],
 ['script src external neutral cdn', 'legit', `<script src="https://cdn.bootcdn.net/ajax/libs/jquery/3.6.0/jquery.min.js"></script><script src="https://s4.cnzz.com/z_stat.php?id=1"></script>`],
 ['lottery official iframe', 'legit', `<iframe src="https://www.cwl.gov.cn/ygkj/kjgg/" width="100%" height="600"></iframe>`],
  ['analytics library: referrer read far from a list of search engines, navigation elsewhere', 'legit', `<script>var t={};t.refer=document.referrer||"";t.url=document.URL;t.title=document.title;${'function f(a){return a+1}'.repeat(40)}var engines={baidu:"wd",sogou:"query",so:"q"};function jump(u){window.location.href=u;}</script>`],
  ['site library: referrer and user agent sent to a page-view counter', 'legit', `<script>var api={addReferrer:function(referrer,host,useragent,cb){ajax({url:"/rest/addReferrer",data:{referrer:referrer,host:host,useragent:useragent},success:cb});},open:function(u){window.open(u);}};</script>`],
];

describe('link/dark-link stays silent on portal look-alikes', () => {
  for (const [name, , body] of LEGIT) it(name, () => expect(dark(body).map((f) => f.data?.technique)).toEqual([]));
});

/** Injections: the techniques every finding of the snippet names. */
const DARK: [string, string[], string][] = [
  ["max-width 0 and overflow hidden", ["zero-size"], "<div style=\"max-width:0;overflow:hidden\"><a href=\"http://x.example/\">时时彩</a></div>"],
  ["transparent text", ["same-color"], "<div style=\"background:#fff\"><a href=\"http://x.example/\" style=\"color:rgba(0,0,0,0)\">某网站</a></div>"],
  ["transform scale0", ["zero-size"], "<div style=\"transform:scale(0)\"><a href=\"http://x.example/\">百家乐</a></div>"],
  ["filter opacity0", ["opacity-zero"], "<div style=\"filter:opacity(0)\"><a href=\"http://x.example/\">百家乐</a></div>"],
  ["filter alpha", ["opacity-zero"], "<div style=\"filter:alpha(opacity=0);opacity:0\"><a href=\"http://x.example/\">百家乐</a></div>"],
  ["ie filter alpha only", ["opacity-zero"], "<div style=\"filter:alpha(opacity=0)\"><a href=\"http://x.example/\">百家乐</a></div>"],
  ["content-visibility", ["visibility-hidden"], "<div style=\"content-visibility:hidden\"><a href=\"http://x.example/\">百家乐</a></div>"],
  ["clip-path polygon", ["clip"], "<div style=\"clip-path:polygon(0 0,0 0,0 0)\"><a href=\"http://x.example/\">百家乐</a></div>"],
  ["attr selector", ["display-none"], "<style>div[id=\"k\"]{display:none}</style><div id=\"k\"><a href=\"http://x.example/\">百家乐</a></div>"],
  ["attr selector prefix", ["offscreen"], "<style>div[class^=\"ab\"]{position:absolute;left:-9999px}</style><div class=\"abc\"><a href=\"http://x.example/\">某网站</a></div>"],
  ["sibling selector", ["display-none"], "<style>#h + div{display:none}</style><p id=\"h\"></p><div><a href=\"http://x.example/\">百家乐</a></div>"],
  ["nth-child", ["display-none"], "<style>body > div:last-child{display:none}</style><div><a href=\"http://x.example/\">百家乐</a></div>"],
  ["height0 overflow parent", ["zero-size"], "<div style=\"height:0;overflow:hidden\"><a href=\"http://x.example/\">某网站</a><a href=\"http://y.example/\">另一网站</a><a href=\"http://z.example/\">第三</a></div>"],
  ["left -9999", ["offscreen"], "<div style=\"position:absolute;left:-9999px\"><a href=\"http://x.example/\">某网站</a></div>"],
  ["top -999 uppercase", ["offscreen"], "<DIV STYLE=\"POSITION: ABSOLUTE; TOP: -999PX\"><A HREF=\"http://x.example/\">某网站</A></DIV>"],
  ["marquee attr", ["tiny-marquee"], "<marquee height=1 width=1 scrollamount=3000 scrolldelay=20000><a href=\"http://x.example/\">某网站</a></marquee>"],
  ["marquee style", ["tiny-marquee"], "<marquee style=\"height:1px;width:1px;overflow:hidden\"><a href=\"http://x.example/\">某网站</a></marquee>"],
  ["font color white", ["same-color"], "<font color=\"#ffffff\"><a href=\"http://x.example/\"><font color=\"#ffffff\">某网站</font></a></font>"],
  ["span visibility hidden gamble", ["visibility-hidden"], "<span style=\"visibility:hidden\"><a href=\"http://x.example/\">时时彩</a></span>"],
  ["display none after html", ["display-none"], "<!DOCTYPE html><html><body><p>x</p></body></html>\n<div style=\"display:none\"><a href=\"http://x.example/\">北京赛车pk10</a></div>"],
  ["after html no style", ["after-html"], "<!DOCTYPE html><html><body><p>x</p></body></html>\n<a href=\"http://x.example/\">澳门威尼斯人</a>"],
  ["div display none no text sensitive host tld", ["display-none"], "<div style=\"display:none\"><a href=\"http://www.xyz.bet/\">官网</a></div>"],
  ["line-height0", ["zero-size"], "<div style=\"height:0px;line-height:0;overflow:hidden\"><a href=\"http://x.example/\">百家乐</a></div>"],
  ["dw concat", ["display-none"], "<script>document.write('<div style=\"disp'+'lay:none\"><a hr'+'ef=\"http://x.exa'+'mple/\">百家'+'乐</a></div>');</script>"],
  ["dw hex", ["display-none"], "<script>document.write(\"\\x3c\\x61\\x20\\x68\\x72\\x65\\x66\\x3d\\x22\\x68\\x74\\x74\\x70\\x3a\\x2f\\x2f\\x78\\x2e\\x65\\x78\\x61\\x6d\\x70\\x6c\\x65\\x2f\\x22\\x20\\x73\\x74\\x79\\x6c\\x65\\x3d\\x22\\x64\\x69\\x73\\x70\\x6c\\x61\\x79\\x3a\\x6e\\x6f\\x6e\\x65\\x22\\x3e百家乐\\x3c\\x2f\\x61\\x3e\");</script>"],
  ["dw unescape %u", ["display-none"], "<script>document.write(unescape('%3C%64%69%76%20%73%74%79%6C%65%3D%22%64%69%73%70%6C%61%79%3A%6E%6F%6E%65%22%3E%3C%61%20%68%72%65%66%3D%22%68%74%74%70%3A%2F%2F%78%2E%65%78%61%6D%70%6C%65%2F%22%3E%u767E%u5BB6%u4E50%3C%2F%61%3E%3C%2F%64%69%76%3E'));</script>"],
  ["referrer redirect", ["search-redirect"], "<script>var s=document.referrer;if(s.indexOf(\"baidu\")>0||s.indexOf(\"sogou\")>0||s.indexOf(\"so.com\")>0){location.href=\"http://www.qp.example/\";}</script>"],
  ["referrer setFrame arr", ["search-redirect"], "<script>var titlestr=document.title;var arr=[\"\\u0068\\u0074\\u0074\\u0070\\u0073\\u003a\\u002f\\u002f\\u0063\\u0064\\u006e\\u0031\\u002e\\u0065\\u0078\\u002e\\u0063\\u0063\"];var referer=document.referrer;var regex=/(baidu\\.com|sogou\\.com|so\\.com|sm\\.cn)/i;if(regex.test(referer)){setFrame(arr[0]);}function setFrame(olink){var ss='<div id=\"showcloneshengxiaon\" style=\"height:100%;width:100%\"><ifr'+'ame width=\"100%\" height=\"100%\" src=\"'+olink+'\"></iframe></div>';eval(\"do\"+\"cu\"+\"ment.wr\"+\"ite('\"+ss+\"');\");}</script>"],
  ["ua spider cloak", ["search-redirect"], "<script>if(navigator.userAgent.toLowerCase().indexOf('baiduspider')==-1){window.location.replace('http://www.x.example/');}</script>"],
  ["uncond redirect gambling host", ["script-redirect"], "<script>window.location.href=\"http://www.xpj888.example/\";</script>"],
  ["meta refresh gambling", ["meta-refresh"], "<!DOCTYPE html><html><head><meta http-equiv=\"refresh\" content=\"0;url=http://www.bet365cn.example/\"></head><body></body></html>"],
  ["script src gambling host", ["external-script"], "<script src=\"http://js.bet365cn.example/tj.js\"></script>"],
  ["iframe 0 sensitive host", ["zero-size-iframe"], "<iframe src=\"http://www.casino.example/\" width=\"0\" height=\"0\"></iframe>"],
  ["innerHTML hidden div", ["document-write"], "<script>var d=document.createElement('div');d.style.display='none';d.innerHTML='<a href=\"http://x.example/\">百家乐</a>';document.body.appendChild(d);</script>"],
  ["jquery append hidden", ["display-none"], "<script>$('body').append('<div style=\"display:none\"><a href=\"http://x.example/\">百家乐</a></div>');</script>"],
  ["dw unclosed wrapper", ["offscreen"], "<script>document.write('<div style=\"position:absolute;top:-1000px\">');</script><a href=\"http://x.example/\">某网站</a><script>document.write('</div>');</script>"],
  ["title attr only", ["display-none"], "<div style=\"display:none\"><a href=\"http://x.example/\" title=\"澳门新葡京\">点击进入</a></div>"],
  ["img alt link hidden", ["display-none"], "<div style=\"display:none\"><a href=\"http://x.example/\"><img src=\"x.gif\" alt=\"百家乐\"></a></div>"],
  ["h1 offscreen with links", ["offscreen"], "<h1 style=\"position:absolute;left:-3000px\">某某县人民政府<a href=\"http://x.example/\">亚洲精品</a></h1>"],
  ["class display none via style in body", ["display-none"], "<style>.x1{display:none}</style><div class=\"x1\"><a href=\"http://x.example/\">快三</a><a href=\"http://y.example/\">幸运飞艇</a></div>"],
  ["gambling words new", ["display-none"], "<div style=\"display:none\"><a href=\"http://x.example/\">开元棋牌</a><a href=\"http://y.example/\">乐鱼体育</a><a href=\"http://z.example/\">九游会</a><a href=\"http://w.example/\">华体会</a><a href=\"http://v.example/\">开云体育</a></div>"],
  ["porn words new", ["display-none"], "<div style=\"display:none\"><a href=\"http://x.example/\">亚洲精品</a></div>"],
  ["invisible in zero width table", ["zero-size"], "<table width=\"0\" height=\"0\" style=\"overflow:hidden;display:block\"><tr><td><a href=\"http://x.example/\">百家乐</a></td></tr></table>"],
  ["hacked: spider cloak write", ["search-redirect"], "<script>var ua=navigator.userAgent.toLowerCase();if(ua.indexOf('baiduspider')<0&&ua.indexOf('sogou')<0){document.write('<div id=\"x\" style=\"position:fixed;top:0;left:0;width:100%;height:100%;z-index:99999\"><iframe src=\"https://www.dafa888.example/\" width=\"100%\" height=\"100%\"></iframe></div>');}</script>"],
  ["hacked: packed referrer", ["search-redirect"], "<script>eval(function(p,a,c,k,e,d){e=function(c){return c.toString(36)};if(!''.replace(/^/,String)){while(c--)d[c.toString(a)]=k[c]||c.toString(a);k=[function(e){return d[e]}];e=function(){return'\\\\w+'};c=1};while(c--)if(k[c])p=p.replace(new RegExp('\\\\b'+e(c)+'\\\\b','g'),k[c]);return p}('0 1=2.3;4(1.5(\"6\")>0||1.5(\"7\")>0){8.9=\"a://b.c.d/\"}',14,14,'var|s|document|referrer|if|indexOf|baidu|sogou|location|href|http|www|qp|example'.split('|'),0,{}))</script>"],
  ["hacked: hex referrer", ["search-redirect"], "<script>var _0x=[\"\\x72\\x65\\x66\\x65\\x72\\x72\\x65\\x72\",\"\\x62\\x61\\x69\\x64\\x75\",\"\\x68\\x74\\x74\\x70\\x3a\\x2f\\x2f\\x77\\x77\\x77\\x2e\\x6b\\x79\\x2e\\x65\\x78\\x61\\x6d\\x70\\x6c\\x65\\x2f\"];if(document[_0x[0]].indexOf(_0x[1])>-1){window[\"location\"][\"href\"]=_0x[2];}</script>"],
  ["hacked: overlay no condition", ["page-overlay"], "<script>var ab=\"kputao.example/\";var ss='<div id=\"showcloneshengxiaon\" style=\"height:100%;width:100%\"><ifr'+'ame scrolling=\"yes\" width=\"100%\" height=\"100%\" src=\"https://'+ab+'\"></iframe></div>';eval(\"do\"+\"cu\"+\"ment.wr\"+\"ite('\"+ss+\"');\");try{setInterval(function(){for(var i=0;i<document.body.children.length;i++){var b=document.body.children[i].id;if(b!=\"showcloneshengxiaon\"){document.body.children[i].style.display=\"non\"+\"e\";}}},100);}catch(e){}</script>"],
  ["hacked: frameset page", ["embedded-frame"], "<!DOCTYPE html><html><head><title>某某县人民政府</title></head><frameset rows=\"100%,*\"><frame src=\"http://www.bet365cn.example/\"></frameset></html>"],
  ["hacked: setTimeout string redirect", ["script-redirect"], "<script>setTimeout(\"window.location.href='http://www.amjs.example/'\",3000);</script>"],
];

describe('link/dark-link finds injections seen on hacked pages', () => {
  for (const [name, techniques, body] of DARK) {
    it(name, () => {
      const findings = dark(body);
      expect(findings.length).toBeGreaterThan(0);
      expect([...new Set(findings.map((f) => f.data?.technique))]).toEqual(techniques);
      for (const f of findings) expect(f.severity).toBe('error');
    });
  }
});

describe('scriptBehaviour', () => {
  it('reads the test, the jump and the destination through escapes and string joins', () => {
    const b = scriptBehaviour(`var r=document["\\x72\\x65\\x66\\x65\\x72\\x72\\x65\\x72"];if(r.indexOf("baidu")>-1){window.location.href="ht"+"tp://www.x.example/";}`);
    expect(b?.condition).toBe('referrer');
    expect(b?.navigates).toBe(true);
    expect(b?.targets.map((t) => t.url)).toEqual(['http://www.x.example/']);
  });
  it('a navigation to a computed address is unknown; to a relative literal, this site', () => {
    expect(scriptBehaviour('if(document.referrer.indexOf("baidu")>0){location.href=u;}')?.unknownNavigation).toBe(true);
    expect(scriptBehaviour('if(document.referrer.indexOf("baidu")>0){location.href="/landing.html";}')?.unknownNavigation).toBe(false);
  });
  it('a referrer test far from any jump is apart from it', () => {
    const code = 'var r=document.referrer;if(/baidu/.test(r)){show(r);}' + ' '.repeat(2000) + 'function go(h){window.open(h);}';
    expect(scriptBehaviour(code)?.apart).toBe(true);
  });
  it('ignores scripts that neither test visitors, navigate nor hide the page', () => {
    expect(scriptBehaviour('var a = 1; console.log(a);')).toBeUndefined();
  });
  it('stays linear on hostile scripts', () => {
    for (const code of ['location='.repeat(100_000), 'document.referrer baidu '.repeat(50_000) + 'location.href=x', '"' + '\\x72'.repeat(200_000)]) {
      expect(() => scriptBehaviour(code)).not.toThrow();
    }
  });
});
