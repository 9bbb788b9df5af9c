/**
 * ISO 7064 MOD 11-2 check character of a digit string (the scheme of GB 11643, the CN resident
 * id). The digit n places left of the check character weighs 2^n mod 11; 10 is written X.
 */
export function mod11_2CheckCharacter(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const placesLeftOfCheck = digits.length - i;
    sum += Number(digits[i]) * (2 ** placesLeftOfCheck % 11);
  }
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}
