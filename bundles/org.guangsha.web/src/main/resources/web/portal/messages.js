// The portal's own words (the shared ones are in /web/lib/messages.js).
export const messages = {
  'zh-CN': {
    login: { account: '账号', password: '密码', captcha: '验证码', captchaImage: '验证码图片，点击换一张' },
  },
  en: {
    login: { account: 'Account', password: 'Password', captcha: 'Captcha', captchaImage: 'Captcha image; click for another' },
  },
};
